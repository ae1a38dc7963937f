"""MkDocs hooks (listed under `hooks:` in mkdocs.yml): each changes the site as MkDocs builds it.

MkDocs loads each file by its path; the package exists so that tests and tools can import them too.
"""
