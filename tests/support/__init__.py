"""Support shared by the tests and the benchmarks, imported as `tests.support.<module>`.

- `project`: the repository's ROOT and languages, copying the project and building it
  (`copy_project`, `build_site`: the one place that sets the build's environment);
- `serve`: a quiet threaded HTTP server over a folder (`serve`, `Server`);
- `browser`: finding or installing Chromium (`find_browser`), launching it
  (`launch_chromium`), opening a page (`open_page`) and typing into its search box (`search`);
- `pages`: reading a built site (`page_paths`, `soup`, `tables`, `table_with`, `is_persian`);
- `session`: the test session's server and the SITE_URL its full build is made for.
"""
