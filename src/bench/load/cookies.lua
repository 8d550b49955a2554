-- wrk: every request carries the signed-in browser's cookies that page-load.sh put in PAGE_COOKIES.
wrk.headers["Cookie"] = os.getenv("PAGE_COOKIES")
