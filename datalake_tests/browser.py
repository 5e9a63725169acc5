"""A real headless Chromium (Debian's `chromium` and `chromium-driver`) driven by Selenium.

The packages are installed with apt-get when absent, so a fresh machine needs nothing by hand.
The driver and browser paths are given explicitly: Selenium Manager would otherwise try the
network to find a driver.
"""

import base64
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM, DRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
ARTEFACTS = Path(__file__).resolve().parents[1] / "test-artefacts"


def ensure_chromium() -> None:
    """Install Debian's chromium and chromium-driver when either is missing."""
    if CHROMIUM.exists() and DRIVER.exists():
        return
    apt = ["apt-get", "-q", "-y", "-o", "DPkg::Lock::Timeout=300"]
    env = {"DEBIAN_FRONTEND": "noninteractive", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"}
    for command in ([*apt[:1], "-q", "update"], [*apt, "install", "chromium", "chromium-driver"]):
        done = subprocess.run(command, check=False, env=env, capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"{' '.join(command)} failed: {done.stderr.strip()[-500:]}")


def start_chromium(width: int = 1400, height: int = 900) -> webdriver.Chrome:
    """Headless, offline-minded, with its console and network events logged for the tests."""
    ensure_chromium()
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="datalake-chromium-")
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--hide-scrollbars", f"--user-data-dir={profile}",
        f"--window-size={width},{height}",
    ):  # fmt: skip
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(DRIVER)))
    driver.profile_dir = profile  # type: ignore[attr-defined]
    return driver


def stop_chromium(driver: webdriver.Chrome) -> None:
    driver.quit()
    shutil.rmtree(driver.profile_dir, ignore_errors=True)  # type: ignore[attr-defined]


def console_errors(driver: webdriver.Chrome) -> list[str]:
    """Console messages at error level (and uncaught exceptions) since the last call."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def requests(driver: webdriver.Chrome) -> tuple[list[str], list[str]]:
    """(URLs requested, failures) since the last call, from the DevTools network events."""
    sent, failed = [], []
    for entry in driver.get_log("performance"):
        event = json.loads(entry["message"])["message"]
        if event["method"] == "Network.requestWillBeSent":
            sent.append(event["params"]["request"]["url"])
        elif event["method"] == "Network.loadingFailed":
            failed.append(json.dumps(event["params"]))
    return sent, failed


def screenshot(driver: webdriver.Chrome, name: str) -> Path:
    """A full-page PNG under test-artefacts/, kept after the run."""
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip}
    )
    ARTEFACTS.mkdir(exist_ok=True)
    path = ARTEFACTS / f"{name}.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    return path
