"""One module per flow; dialogs/router.py assembles them."""
