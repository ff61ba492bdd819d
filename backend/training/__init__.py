"""Training (模拟演练 · 案例分析 · 政策必知): drills scored against known answers, policy checks."""
