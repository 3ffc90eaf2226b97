"""What is a channel (registry.analysis.contact_graphs): the tie kinds and statuses left out name known codes."""


def test_what_is_not_a_channel_uses_known_codes():
    from registry import rules as R
    from registry import vocab

    assert R.NOT_CHANNEL_TIE_KINDS | R.MEMBER_TIE_KINDS <= {t.code for t in vocab.TIE_KINDS}
    assert R.NOT_CHANNEL_STATUSES <= {t.code for t in vocab.STATUSES}
