"""Python client of FMU Gateway: run FMI simulations over its REST API and pay per run.

Standard library only. ``Client`` covers every endpoint; ``fmugw`` (or ``python -m fmugw``) is the
command-line tool built on it.
"""

from ._version import __version__
from . import sweep
from .client import DEFAULT_URL, Client, ModelParams, PaymentParams, SimulateParams
from .errors import (
    ApiError,
    FmuGatewayError,
    GatewayUnreachable,
    PaymentRequired,
    PaymentTimeout,
)
from .models import (
    Account,
    ApiKey,
    ApiKeySummary,
    Checkout,
    CheckoutStatus,
    Cost,
    CreditPack,
    DefaultExperiment,
    Experiment,
    ExperimentCase,
    ExperimentCaseCounts,
    ExperimentCost,
    ExperimentPage,
    ExperimentQuote,
    Fmu,
    InputSignal,
    LibraryEntry,
    PaymentOffer,
    Provenance,
    Quote,
    Run,
    SimulationResult,
    Variable,
)

__all__ = [
    "__version__",
    "sweep",
    "DEFAULT_URL",
    "Client",
    "ModelParams",
    "PaymentParams",
    "SimulateParams",
    "ApiError",
    "FmuGatewayError",
    "GatewayUnreachable",
    "PaymentRequired",
    "PaymentTimeout",
    "Account",
    "ApiKey",
    "ApiKeySummary",
    "Checkout",
    "CheckoutStatus",
    "Cost",
    "CreditPack",
    "DefaultExperiment",
    "Experiment",
    "ExperimentCase",
    "ExperimentCaseCounts",
    "ExperimentCost",
    "ExperimentPage",
    "ExperimentQuote",
    "Fmu",
    "InputSignal",
    "LibraryEntry",
    "PaymentOffer",
    "Provenance",
    "Quote",
    "Run",
    "SimulationResult",
    "Variable",
]
