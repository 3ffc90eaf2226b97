"""Origins (app_pages/_origin.py): a page on another local port cannot drive the app.

A real ``streamlit run app.py`` on a free port, local editing on (``REGISTRY_EDITOR``), and a
websocket client that says where its page came from, as a browser does. Streamlit alone
admitted any origin whose host is local (issue 18, item 7).
"""

from __future__ import annotations

import asyncio
import time

import pytest

from registry import connect, load_seed
from tests.browser_kit import free_port, serve

websockets = pytest.importorskip("websockets")


async def _session(port: int, origin: str, seconds: float = 8.0) -> list[str]:
    """Open the app's socket as a page from ``origin``, ask for a run, and return the kinds of messages received."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    kinds: list[str] = []
    async with websockets.connect(f"ws://127.0.0.1:{port}/_stcore/stream", origin=origin, subprotocols=["streamlit"]) as ws:
        msg = BackMsg()
        msg.rerun_script.query_string = ""
        msg.rerun_script.page_script_hash = ""
        await ws.send(msg.SerializeToString())
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                data = await asyncio.wait_for(ws.recv(), timeout=deadline - time.monotonic())
            except (TimeoutError, websockets.ConnectionClosed):
                break
            fwd = ForwardMsg()
            fwd.ParseFromString(data)
            kinds.append(fwd.WhichOneof("type") or "")
            if kinds[-1] == "script_finished":
                break
    return kinds


@pytest.mark.slow
def test_a_page_on_another_local_port_is_refused(tmp_path):
    db = tmp_path / "registry.db"
    load_seed(connect(db))
    with serve(db, tmp_path, REGISTRY_EDITOR="Origin test") as srv:
        port = srv.port
        own, other = srv.url, f"http://127.0.0.1:{free_port()}"
        # The first socket of the server's life, from another local port: Streamlit admits it, but the
        # run stops before the frame draws or reads anything (no element reaches it).
        foreign_first = asyncio.run(_session(port, other))
        assert "script_finished" in foreign_first and "delta" not in foreign_first, foreign_first
        # The app's own page gets the app.
        assert "delta" in asyncio.run(_session(port, own))
        # Every later socket from another origin is refused at the handshake.
        with pytest.raises(websockets.InvalidStatus) as refused:
            asyncio.run(_session(port, other))
        assert refused.value.response.status_code == 403
        # localhost by name, on another port, is another origin too.
        with pytest.raises(websockets.InvalidStatus):
            asyncio.run(_session(port, f"http://localhost:{free_port()}"))
        log = srv.log.read_text()
        assert "refused a session from origin" in log and "Traceback" not in log
