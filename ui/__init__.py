"""The faces of policyqa: the command line (`ui.cli`) and the web app (`ui.web`)."""
