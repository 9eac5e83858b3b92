-- wrk: JSON Assess, each request a new durable case (the demo booking app's key).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["x-api-key"] = os.getenv("TRIAGE_API_KEY") or "demo-key-change-me"
wrk.body = '{"complaint":"宝宝8个月，脸上湿疹两周了，不发烧"}'
