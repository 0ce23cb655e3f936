"""HRSS One-Network Platform (互联网+人社): 一库、一卡、一网."""
