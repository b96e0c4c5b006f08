"""The benchmark suite: canonical queries through the gateway, side by side with their floor."""
