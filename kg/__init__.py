"""plan-kg: Chinese development plans as a knowledge graph of their commitments."""

__version__ = "0.1.0"
