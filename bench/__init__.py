"""The benchmark suite (issue 7): canonical queries through the gateway, side by side with their floor."""
