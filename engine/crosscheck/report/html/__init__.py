"""The self-contained HTML report: the page, its sections, its SVG charts and their scales.

``page.render`` is the reporter; ``sections`` and ``chart`` build the parts, ``scales``
the charts' axes; ``templates`` holds the markup helpers and the inline assets.
"""
