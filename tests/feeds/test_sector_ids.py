"""The filter language keeps its own copy of the sector ids (so parsing a query never loads the
analysis engine); it must stay equal to the engine's data."""

from feeds.analysis.sectors import SECTOR_IDS as ENGINE_IDS
from feeds.analysis.sectors import iptc_code
from feeds.query import SECTOR_IDS as QUERY_IDS


def test_query_and_engine_agree_on_sector_ids() -> None:
    assert QUERY_IDS == ENGINE_IDS
    assert len(QUERY_IDS) == 17


def test_every_sector_maps_to_an_iptc_media_topic() -> None:
    for sector in QUERY_IDS:
        assert iptc_code(sector).startswith("medtop:")
