"""The LAPE domain model: frozen ``attrs`` classes for every entity of the programme.

The model never imports the rules or the network; data flows from here to
:mod:`lape.rules` and :mod:`lape.network`, never back.
"""

from lape.model._actors import MUNICIPAL_ACTORS, MUNICIPAL_BODIES, Actor, ActorKind, NationalBody
from lape.model._change_agents import ChangeAgent
from lape.model._checks import CheckSettings, Severity
from lape.model._documents import Document, DocumentKind
from lape.model._entities import (
    ENTITY_TYPES,
    AreaKind,
    Entity,
    EntityKind,
    EntityType,
    Subject,
    SubjectKind,
    entity_type,
)
from lape.model._funding import (
    DevelopmentProject,
    FundingPool,
    Grant,
    GrantKind,
    Priority,
    Programme,
)
from lape.model._geography import (
    HELSINKI,
    HELSINKI_COUNTY,
    ÅLAND_REGION,
    Geography,
    HospitalDistrict,
    Municipality,
    ProjectArea,
    Region,
    WellbeingServicesCounty,
)
from lape.model._groups import Group, GroupKind, Mandate, MemberRole, Membership
from lape.model._ids import ID_PATTERN, CountyCode, MunicipalityCode, RegionCode, entity_id
from lape.model._labels import label
from lape.model._members import Facet, GroupMembers, facet, place
from lape.model._money import euros, is_money
from lape.model._on_day import network_on_day
from lape.model._period import Period, is_day
from lape.model._services import (
    CoordinationLink,
    HealthSocialCentre,
    Interface,
    Involvement,
    NetworkKind,
    NetworkMember,
    Responsibility,
    ResponsibilitySplit,
    Service,
    ServiceNetwork,
)
from lape.model._snapshot import (
    Reference,
    Scope,
    Snapshot,
    SnapshotIndex,
    SnapshotInfo,
)
from lape.model._survey import (
    RATINGS,
    TRUST_RATINGS,
    VALUE_RATINGS,
    Answer,
    CollaborationLevel,
    Contribution,
    Frequency,
    Respondent,
    Survey,
)
from lape.model._text import LANGUAGES, Lang, Text
from lape.model._vocabulary import (
    CHILDREN_YOUTH_FAMILIES,
    CORE_SECTORS,
    Level,
    Sector,
    TargetGroup,
    Vocabulary,
)

__all__ = [
    "CHILDREN_YOUTH_FAMILIES",
    "CORE_SECTORS",
    "ENTITY_TYPES",
    "HELSINKI",
    "HELSINKI_COUNTY",
    "ID_PATTERN",
    "LANGUAGES",
    "MUNICIPAL_ACTORS",
    "MUNICIPAL_BODIES",
    "RATINGS",
    "TRUST_RATINGS",
    "VALUE_RATINGS",
    "ÅLAND_REGION",
    "Actor",
    "ActorKind",
    "Answer",
    "AreaKind",
    "ChangeAgent",
    "CheckSettings",
    "CollaborationLevel",
    "Contribution",
    "CoordinationLink",
    "CountyCode",
    "DevelopmentProject",
    "Document",
    "DocumentKind",
    "Entity",
    "EntityKind",
    "EntityType",
    "Facet",
    "Frequency",
    "FundingPool",
    "Geography",
    "Grant",
    "GrantKind",
    "Group",
    "GroupKind",
    "GroupMembers",
    "HealthSocialCentre",
    "HospitalDistrict",
    "Interface",
    "Involvement",
    "Lang",
    "Level",
    "Mandate",
    "MemberRole",
    "Membership",
    "Municipality",
    "MunicipalityCode",
    "NationalBody",
    "NetworkKind",
    "NetworkMember",
    "Period",
    "Priority",
    "Programme",
    "ProjectArea",
    "Reference",
    "Region",
    "RegionCode",
    "Respondent",
    "Responsibility",
    "ResponsibilitySplit",
    "Scope",
    "Sector",
    "Service",
    "ServiceNetwork",
    "Severity",
    "Snapshot",
    "SnapshotIndex",
    "SnapshotInfo",
    "Subject",
    "SubjectKind",
    "Survey",
    "TargetGroup",
    "Text",
    "Vocabulary",
    "WellbeingServicesCounty",
    "entity_id",
    "entity_type",
    "euros",
    "facet",
    "is_day",
    "is_money",
    "label",
    "network_on_day",
    "place",
]
