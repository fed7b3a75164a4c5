"""The newsroom's Danish date formats, over Django's (FORMAT_MODULE_PATH): only what differs.
Django's other Danish formats ("7. december 2026") still apply."""

# "7. december 2026 kl. 16:28": a time of day is said with "kl." in Danish. The admin shows
# times this way (created, changed, versions, history).
DATETIME_FORMAT = r"j. F Y \k\l. H:i"
