"""Resources shared by every layer (`build.py` wires them from `Settings`)."""
