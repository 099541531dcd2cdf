"""What each requirement kind and answer type means, in one object each.

This layer sits between the loader and the models: the loader asks it what to check in a
criteria file, scoring asks it how to decide, and the command line and reports ask it how
to describe.  See :mod:`clusterbench.kinds.registry`.
"""
