"""Evaluation of the article analysis against hand labels (see evaluate.py)."""
