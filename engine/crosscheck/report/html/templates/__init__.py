"""Building blocks of the HTML report: safe markup construction and inline assets."""
