"""Sharded builds: an archive of many years built one year at a time, then merged.

``select``: which manifest dumps make which shard (a year; "undated" for dumps without a date).
``shard``: one shard built into its own folder (articles, site, catalog), like a project's build.
``plan``: what the merge must make itself: the pages that depend on more than one shard.
``merge``: those pages built, and the whole site assembled from the shards' built trees.
"""
