"""Places: toponyms resolved offline to GeoNames places, and where each event happened.

:class:`PlaceStage` fills ``Article.places`` and completes ``Article.dateline``;
:class:`EventLocationStage` sets ``Event.location``. :mod:`.gazetteer` holds the names,
:mod:`.resolve` chooses between them.
"""

from .location import EventLocationStage
from .stage import PlaceStage

__all__ = ["EventLocationStage", "PlaceStage"]
