#!/usr/bin/env python
from pamong.__main__ import main

if __name__ == "__main__":
    main()
