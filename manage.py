#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "almene.settings.base")
    # manage.py is the developer's tool: development settings unless DEBUG says otherwise.
    # Servers start from almene/wsgi.py, where DEBUG stays off unless it is set.
    os.environ.setdefault("DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
