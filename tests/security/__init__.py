"""Security checks: headers, cookies, throttling, logs, exports, supply chain (issue 9)."""
