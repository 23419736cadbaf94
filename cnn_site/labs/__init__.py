"""Labs: jupytext notebooks under docs/<lang>/labs/, executed at build time, rendered as
pages by mkdocs-jupyter, downloadable as files that run on their own.

files.py makes them pages again (LabFile), execute.py runs their code once for both
languages, html.py cleans the page nbconvert renders, download.py and inline.py write the
standalone downloads.
"""
