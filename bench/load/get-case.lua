-- wrk: JSON GetCase of one case (the grain in memory), the read path's ceiling.
wrk.headers["x-api-key"] = os.getenv("TRIAGE_API_KEY") or "demo-key-change-me"
