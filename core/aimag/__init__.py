"""aimag"""
