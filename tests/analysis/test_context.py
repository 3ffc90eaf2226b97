"""The analysis context (registry.analysis.context): one prepared context is shared, not rebuilt."""

from registry.analysis.context import prepare


def test_a_context_is_shared_not_rebuilt(seeded):
    ctx = prepare(seeded, 2025)
    assert prepare(ctx, 2025) is ctx
    assert prepare(ctx, 2024) is not ctx and prepare(ctx, 2024).snap is ctx.snap
