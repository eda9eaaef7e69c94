"""The review page: an editor corrects one dump's cut in the browser (``python -m build_scripts review``)."""
