"""What people see: the palette, plots, figure recipes, highlighting, worksheets, the classroom.

The last step of the data path. It takes tables and Articles and gives figures (PDF, PNG),
HTML and notebook widgets. Import its modules by name (``framing.report.plots``,
``framing.report.worksheet``): this package imports none of them itself, so that writing a
worksheet does not load matplotlib.
"""
