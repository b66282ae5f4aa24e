"""kutniti's benchmark: synthetic data, peers, a load client and the one-command run."""
