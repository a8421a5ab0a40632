"""Rule breaks for LAPE-Y01, Y02: youth councils (see :mod:`lape.testing._breaks`)."""

from __future__ import annotations

import attrs

from lape.model import (
    Actor,
    ActorKind,
    Scope,
)
from lape.testing._edits import (
    NOTHING,
    Broken,
    Recipe,
    actor_of,
    add_actor,
    evolve_actor,
    other_county_code,
    reference_geography,
)
from lape.testing._valid import (
    Draws,
    Needs,
    World,
)

__all__ = ["RECIPES"]

# -- youth (LAPE-Y01, Y02) -------------------------------------------------------------------


def _municipality_without_council(d: Draws, w: World) -> Broken:
    geo = reference_geography()
    s = w.snapshot
    served = {
        code for a in s.actors if a.kind is ActorKind.YOUTH_COUNCIL for code in a.municipalities
    }
    candidates = [
        m.code
        for m in geo.municipalities_on(w.as_of)
        if geo.regions[m.region_on(w.as_of)].is_mainland and m.code not in served
    ]
    code = d.pick(candidates)
    scope = Scope(municipalities=(*s.scope.municipalities, code))
    return Broken(
        attrs.evolve(s, scope=scope),
        ("municipality", code),
        f"the scope takes in municipality {code}, which has no youth council",
    )


def _county_council_short(d: Draws, w: World) -> Broken:
    """LAPE-Y02: a municipality's youth council sends no member; where it was the only one
    (Helsinki's county), a youth council of another county's municipality stands in, so
    that ``composed_of`` is still given."""
    s = w.snapshot
    council_id = d.pick(w.county_youth_councils)
    council = actor_of(s, council_id)
    dropped = d.pick(council.composed_of)
    composed = tuple(a for a in council.composed_of if a != dropped)
    if not composed:
        code = other_county_code(d, council.county, w.as_of)
        stranger = Actor(
            id=f"{council_id}-stranger",
            name="A youth council of another county",
            kind=ActorKind.YOUTH_COUNCIL,
            municipalities=(code,),
        )
        s = add_actor(s, stranger)
        composed = (stranger.id,)
    s = evolve_actor(s, council_id, lambda a: attrs.evolve(a, composed_of=composed))
    return Broken(s, ("actor", council_id), f"{council_id} has no member from {dropped}")


RECIPES: dict[str, Recipe] = {
    "LAPE-Y01": Recipe(NOTHING, _municipality_without_council),
    "LAPE-Y02": Recipe(Needs(county_youth_council=True), _county_council_short),
}
