"""The site stage: per-language staging docs dirs with generated index pages,
parallel MkDocs builds (one per language), Pagefind indexes, discovery files.

    staging.py   docs/<lang>/ articles + docs/*.md pages + indexes → build/docs/<lang>/
    indexes.py   what the home, archive, issue, page, author and source pages show, from
                 front matter, rendered by their templates (overrides/pages/)
    slugs.py     the author slugs of the whole catalog (author pages and byline links)
    labels.py    UI strings and date formats in the three languages
    views.py     what each page shows besides its body (alternates, bylines, labels, JSON-LD), made in staging
    plugin.py    the MkDocs plugin: hands each page its view; escaping, block numbers, RSS
    mkdocs_compat.py  every use of MkDocs/Material internals, on only for the versions they fit
    seo.py       JSON-LD, RSS, sitemap with hreflang alternates
    search.py    Pagefind bundles, one per language
    build.py     the whole stage: stage → 3 MkDocs builds in parallel → site/ → Pagefind
"""
