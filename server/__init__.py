"""The Flask application that serves the graph over HTTP."""
