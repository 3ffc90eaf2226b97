"""Texts of the network page's running state and its paths by tie quality (bokmål, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "network.working": (
        "Regner ut utvalget, tegningen og nøkkeltallene …", "Working out the view, the drawing and the metrics …",
    ),
}
