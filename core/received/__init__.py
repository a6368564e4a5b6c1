"""received"""
