"""``fmugw``: FMU Gateway from the command line.

Results go to stdout (or ``-o FILE``); messages, checkout links and progress go to stderr.
Exit codes: 0 ok, 1 other error, 2 bad input, 3 authentication, 4 payment required or not
completed, 5 not found, 6 rate-limited or unavailable (retry later), 7 gateway unreachable.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import webbrowser
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Union

from . import __version__
from .client import Client, ModelParams
from .config import config_path, resolve, write_config_value
from .errors import (
    ApiError,
    FmuGatewayError,
    GatewayUnreachable,
    PaymentRequired,
    PaymentTimeout,
)
from .models import Experiment, ExperimentCase, PaymentOffer, SimulationResult
from .sweep import METHODS, parse_case, parse_param, progress_bar
from .sweep import sweep as make_sweep

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_BAD_INPUT = 2
EXIT_AUTH = 3
EXIT_PAYMENT = 4
EXIT_NOT_FOUND = 5
EXIT_RETRY_LATER = 6
EXIT_UNREACHABLE = 7


class UsageError(Exception):
    """Bad command-line input found after parsing (exit 2)."""


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    for name, default in (("url", None), ("key", None), ("timeout", None), ("json", False)):
        if not hasattr(args, name):
            setattr(args, name, default)
    if not getattr(args, "handler", None):
        getattr(args, "print_help", parser.print_help)(sys.stderr)
        return EXIT_BAD_INPUT
    url, key = resolve(args.url, args.key)
    try:
        if args.needs_key and not key:
            _err(
                "error: no API key. Pass --key, set FMUGW_API_KEY, or run"
                " `fmugw keys create --save` to get one and keep it in " + str(config_path())
            )
            return EXIT_AUTH
        client = Client(url, key, timeout=args.timeout or 120.0)
        return int(args.handler(client, args) or EXIT_OK)
    except UsageError as e:
        _err(f"error: {e}")
        return EXIT_BAD_INPUT
    except PaymentRequired as e:
        _print_payment_required(e)
        return EXIT_PAYMENT
    except ApiError as e:
        _print_problem(e)
        return _exit_code(e.status)
    except PaymentTimeout as e:
        _err(f"error: {e}")
        return EXIT_PAYMENT
    except GatewayUnreachable as e:
        _err(f"error: {e}")
        return EXIT_UNREACHABLE
    except FmuGatewayError as e:
        _err(f"error: {e}")
        return EXIT_ERROR
    except (OSError, TimeoutError) as e:
        _err(f"error: {e}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        _err("interrupted")
        return 130


# ---- commands --------------------------------------------------------------------------------


def _keys_create(client: Client, args: argparse.Namespace) -> int:
    issued = client.create_key()
    if args.save:
        path = config_path()
        write_config_value(path, "api_key", issued.key)
        if args.url:
            write_config_value(path, "url", client.url)
        _err(f"Saved the key in {path}")
    _print_json(issued.raw) if args.json else print(issued.key)
    _err(f"account {issued.account_id}, key id {issued.key_id}. Store the key: it is shown once.")
    return EXIT_OK


def _keys_list(client: Client, args: argparse.Namespace) -> int:
    keys = client.keys()
    if args.json:
        _print_json([k.raw for k in keys])
        return EXIT_OK
    _table(
        ["KEY_ID", "PREFIX", "CREATED", "LAST_USED", "ACTIVE"],
        [[k.key_id, k.prefix, k.created_at, k.last_used_at or "-", k.active] for k in keys],
    )
    return EXIT_OK


def _keys_add(client: Client, args: argparse.Namespace) -> int:
    issued = client.add_key()
    _print_json(issued.raw) if args.json else print(issued.key)
    return EXIT_OK


def _keys_revoke(client: Client, args: argparse.Namespace) -> int:
    client.revoke_key(args.key_id)
    _err(f"Revoked {args.key_id}")
    return EXIT_OK


def _account(client: Client, args: argparse.Namespace) -> int:
    account = client.account()
    if args.json:
        _print_json(account.raw)
        return EXIT_OK
    print(f"account   {account.id} ({account.tier})")
    print(f"credits   {account.credits}")
    print(
        f"{account.period or 'period'}   granted {account.credits_granted_this_period},"
        f" {account.runs_this_period} runs, {account.spend_this_period} credits spent"
    )
    return EXIT_OK


def _library(client: Client, args: argparse.Namespace) -> int:
    entries = client.library(args.query)
    if args.json:
        _print_json([e.raw for e in entries])
        return EXIT_OK
    _table(
        ["ID", "FMI", "INTERFACES", "DESCRIPTION"],
        [[e.id, e.fmi_version, ",".join(e.interfaces), e.description] for e in entries],
    )
    return EXIT_OK


def _upload(client: Client, args: argparse.Namespace) -> int:
    if not os.path.isfile(args.file):
        raise UsageError(f"{args.file}: no such file")
    fmu = client.upload(args.file)
    if args.json:
        _print_json(fmu.raw)
    else:
        print(fmu.id)
        _err(f"{fmu.model_name} (FMI {fmu.fmi_version}, {', '.join(fmu.interfaces)}), "
             f"{fmu.number_of_variables} variables, sha256 {fmu.sha256[:12]}…")
    return EXIT_OK


def _fmu(client: Client, args: argparse.Namespace) -> int:
    _print_json(client.fmu(args.fmu_id).raw)
    return EXIT_OK


def _variables(client: Client, args: argparse.Namespace) -> int:
    variables = client.variables(args.fmu_id)
    if args.json:
        _print_json([v.raw for v in variables])
        return EXIT_OK
    _table(
        ["NAME", "TYPE", "CAUSALITY", "VARIABILITY", "START", "UNIT"],
        [[v.name, v.type, v.causality, v.variability, v.start or "", v.unit or ""]
         for v in variables],
    )
    return EXIT_OK


def _simulate(client: Client, args: argparse.Namespace) -> int:
    params = _simulate_params(args)
    fmt = _output_format(args)
    if args.async_ and (args.out or args.pay or args.quote):
        raise UsageError("--async prints the experiment's id: -o, --pay and --quote are for a run"
                         " done at once")
    fmu_id = _model_id(client, args.model)
    if args.quote:
        offer = client.quote(fmu_id, **params)
        model = (offer.quote.fmu_id if offer.quote else None) or offer.fmu_id or fmu_id
        print(_price(model, offer))
        return EXIT_OK
    csv = fmt == "csv"
    result: Union[SimulationResult, str]
    if args.async_:
        experiment = client.simulate(fmu_id, async_=True, payment_token=args.payment_token,
                                     **params)
        print(experiment.experiment_id)
        _err(f"Queued as experiment {experiment.experiment_id}; its result: fmugw experiments"
             f" cases {experiment.experiment_id} 0")
        return EXIT_OK
    if args.payment_signature:
        # x402: the JSON answer carries PAYMENT-RESPONSE; CSV is written from it here.
        result = client.simulate(fmu_id, payment_signature=args.payment_signature, **params)
        _err(f"PAYMENT-RESPONSE: {json.dumps(result.payment_response)}")
        _write_result(result, fmt, args.out)
        return EXIT_OK
    if args.pay and not args.payment_token:
        checkouts: List[PaymentRequired] = []

        def show(required: PaymentRequired) -> None:
            checkouts.append(required)
            _show_checkout(required, args.open)

        result = client.simulate_and_pay(
            fmu_id,
            payment_method=args.pay,
            on_checkout=show,
            payment_timeout=args.payment_timeout,
            csv=csv,
            **params,
        )
        if checkouts:
            _err("Paid: the run went through with its payment token.")
    elif csv:
        result = client.simulate_csv(fmu_id, payment_token=args.payment_token, **params)
    else:
        result = client.simulate(fmu_id, payment_token=args.payment_token, **params)
    _write_result(result, fmt, args.out)
    return EXIT_OK


def _runs(client: Client, args: argparse.Namespace) -> int:
    if args.run_id:
        _print_json(client.run(args.run_id).raw)
        return EXIT_OK
    runs = client.runs(args.limit)
    if args.json:
        _print_json([r.raw for r in runs])
        return EXIT_OK
    _table(
        ["RUN_ID", "CREATED", "MODEL", "STATUS", "CREDITS", "WALL_MS"],
        [[r.id, r.created_at, r.fmu_id, r.status + (f" ({r.failure_cause})" if r.failure_cause
                                                        else ""), r.cost_credits, r.wall_time_ms]
         for r in runs],
    )
    return EXIT_OK


def _pay(client: Client, args: argparse.Namespace) -> int:
    fmu_id = _model_id(client, args.model) if args.model else None
    checkout = client.pay(fmu_id, payment_method=args.method)
    if checkout.checkout_url:
        _err(f"Pay {checkout.amount} {checkout.currency.upper()} ({checkout.payment_method}) at:")
        _err(f"checkout_url: {checkout.checkout_url}")
        _maybe_open(checkout.checkout_url, args.open)
    if not args.wait:
        _print_json(checkout.raw)
        return EXIT_OK
    _err("Waiting for the payment (Ctrl-C to stop waiting; the checkout stays payable)…")
    paid = client.wait_for_payment(checkout.session_id, timeout=args.payment_timeout)
    print(paid.payment_token)
    _err(f"Use it once with: fmugw simulate MODEL --payment-token {paid.payment_token}")
    return EXIT_OK


def _checkout(client: Client, args: argparse.Namespace) -> int:
    status = client.checkout(args.session_id)
    if args.wait and not status.paid:
        status = client.wait_for_payment(args.session_id, timeout=args.payment_timeout)
    _print_json(status.raw)
    return EXIT_OK if status.paid else EXIT_PAYMENT


def _credits_packs(client: Client, args: argparse.Namespace) -> int:
    packs = client.credit_packs()
    if args.json:
        _print_json([p.raw for p in packs])
        return EXIT_OK
    _table(
        ["PACK", "RUNS", "CREDITS", "PRICE"],
        [[p.pack, p.runs, p.credits, f"{p.amount} {p.currency.upper()}"] for p in packs],
    )
    return EXIT_OK


def _credits_buy(client: Client, args: argparse.Namespace) -> int:
    checkout = client.buy_credits(args.pack, payment_method=args.pay)
    _err(f"Pay {checkout.amount} {checkout.currency.upper()} ({checkout.payment_method}) "
         f"for {checkout.credits} credits at:")
    _err(f"checkout_url: {checkout.checkout_url}")
    _maybe_open(checkout.checkout_url, args.open)
    if args.no_wait:
        _print_json(checkout.raw)
        return EXIT_OK
    _err("Waiting for the payment (Ctrl-C to stop waiting; the checkout stays payable)…")
    client.wait_for_payment(checkout.session_id, timeout=args.payment_timeout)
    print(f"credits {client.account().credits}")
    return EXIT_OK


def _sweep(client: Client, args: argparse.Namespace) -> int:
    sweep = _sweep_of(args)
    out_format = _cases_format(args.out)
    if args.out and args.no_wait:
        raise UsageError(f"-o {args.out}: the cases exist once the experiment ran; drop --no-wait")
    params = _simulate_params(args)
    fmu_id = _model_id(client, args.model)
    if args.quote:
        print(_experiment_price(fmu_id, client.quote_experiment(fmu_id, sweep, **params)))
        return EXIT_OK

    def create(**payment: str) -> Experiment:
        return client.create_experiment(fmu_id, sweep, callback_url=args.callback_url,
                                        **payment, **params)  # type: ignore[misc]

    if args.pay:
        try:
            experiment = create(payment_method=args.pay)
        except PaymentRequired as required:
            if not required.session_id:
                raise
            _show_checkout(required, args.open)
            client.wait_for_payment(required.session_id, timeout=args.payment_timeout)
            # A run's checkout pays with a token; a pack's lands as credits: try again.
            experiment = create()
            _err("Paid: the experiment went through.")
    else:
        experiment = create()
    experiment_id = str(experiment.experiment_id)
    credits = experiment.quote.credits if experiment.quote else None
    _err(f"experiment {experiment_id}: {experiment.cases.total} cases"
         + (f", {credits} credits held" if credits is not None else "")
         + f" ({experiment.status})")
    if args.no_wait:
        print(experiment_id)
        _err(f"Follow it with: fmugw experiments show {experiment_id}")
        return EXIT_OK
    try:
        experiment = client.wait_for_experiment(
            experiment_id, timeout=args.wait_timeout, interval=args.interval,
            on_progress=progress_bar(sys.stderr),
        )
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        cancelled = client.cancel_experiment(experiment_id)
        _err(f"Cancelled {experiment_id} ({cancelled.status}): {cancelled.cases.succeeded}"
             f" cases ran, the credits of the others are released")
        return 130
    except TimeoutError:
        sys.stderr.write("\n")
        raise
    sys.stderr.write("\n")
    _write_cases(client, experiment_id, out_format, args.out)
    return _experiment_exit(experiment)


def _experiments_list(client: Client, args: argparse.Namespace) -> int:
    page = client.experiments(page=args.page, size=args.size)
    if args.json:
        _print_json(page.raw)
        return EXIT_OK
    _table(
        ["EXPERIMENT_ID", "CREATED", "MODEL", "STATUS", "CASES", "SUCCEEDED", "FAILED", "CHARGED"],
        [[e.experiment_id, e.created_at, e.fmu_id, e.status, e.cases.total, e.cases.succeeded,
          e.cases.failed, e.cost.charged if e.cost else None]
         for e in page.items],
    )
    if page.has_more:
        _err(f"page {page.page} of {page.total} experiments; next: --page {page.page + 1}")
    return EXIT_OK


def _experiments_show(client: Client, args: argparse.Namespace) -> int:
    experiment = client.experiment(args.experiment_id)
    if args.json:
        _print_json(experiment.raw)
        return EXIT_OK
    counts, cost = experiment.cases, experiment.cost
    print(f"experiment  {experiment.experiment_id}  {experiment.status}")
    print(f"model       {experiment.fmu_id} ({experiment.method})")
    print(f"cases       {counts.total} total: {counts.queued} queued, {counts.running} running,"
          f" {counts.succeeded} succeeded, {counts.failed} failed, {counts.cancelled} cancelled")
    if cost:
        print(f"credits     {cost.charged} charged, {cost.held} held")
    for name in ("created_at", "started_at", "finished_at"):
        value = getattr(experiment, name)
        if value:
            print(f"{name.replace('_at', ''):<11} {value}")
    return EXIT_OK


def _experiments_cases(client: Client, args: argparse.Namespace) -> int:
    if args.index is not None:
        fmt = _output_format(args)
        if fmt == "csv":
            result: Union[SimulationResult, str] = client.experiment_case_csv(
                args.experiment_id, args.index)
        else:
            result = client.experiment_case(args.experiment_id, args.index)
        _write_result(result, fmt, args.out)
        return EXIT_OK
    fmt = _cases_format(args.out)
    if args.limit is not None or args.offset is not None:
        if fmt == "csv":
            _emit(client.experiment_cases_csv(args.experiment_id, limit=args.limit,
                                              offset=args.offset), args.out)
        else:
            cases = client.experiment_cases(args.experiment_id, limit=args.limit,
                                            offset=args.offset)
            _print_cases(cases, fmt, args.out, args.json)
        return EXIT_OK
    _write_cases(client, args.experiment_id, fmt, args.out, as_json=args.json)
    return EXIT_OK


def _experiments_cancel(client: Client, args: argparse.Namespace) -> int:
    experiment = client.cancel_experiment(args.experiment_id)
    if args.json:
        _print_json(experiment.raw)
    _err(f"Cancelled {args.experiment_id} ({experiment.status}): queued cases will not start,"
         f" the credits held for them are released")
    return EXIT_OK


def _sweep_of(args: argparse.Namespace) -> Dict[str, Any]:
    try:
        parameters: Dict[str, Any] = {}
        for spec in args.param or []:
            name, parameter = parse_param(spec)
            if name in parameters:
                raise ValueError(f"--param {name} given twice")
            parameters[name] = parameter
        cases = [parse_case(spec) for spec in args.case] if args.case else None
        method = args.method or ("cases" if cases else "full_factorial")
        if method == "cases" and not cases:
            raise ValueError("--method cases needs at least one --case NAME=VALUE[,NAME=VALUE…]")
        if method != "cases" and cases:
            raise ValueError(f"--case is for --method cases, not {method}")
        if method != "cases" and not parameters:
            raise ValueError(f"--method {method} needs at least one --param")
        return dict(make_sweep(method, parameters, samples=args.samples, seed=args.seed,
                               cases=cases))
    except ValueError as e:
        raise UsageError(str(e)) from e


def _cases_format(out: Optional[str]) -> str:
    if not out:
        return "table"
    ext = os.path.splitext(out)[1].lower()
    if ext not in (".csv", ".json"):
        raise UsageError(f"-o {out}: the file name must end in .csv or .json")
    return ext[1:]


def _write_cases(client: Client, experiment_id: str, fmt: str, out: Optional[str],
                 as_json: bool = False) -> None:
    """Every case: CSV as the gateway writes it, JSON and the table page by page."""
    if fmt == "csv":
        _emit(client.experiment_cases_csv(experiment_id), out)
    else:
        _print_cases(list(client.iter_experiment_cases(experiment_id)), fmt, out, as_json)


def _print_cases(cases: List[ExperimentCase], fmt: str, out: Optional[str], as_json: bool) -> None:
    if fmt == "json" or as_json:
        _emit(json.dumps([c.raw for c in cases], indent=2) + "\n", out)
        return
    _table(
        ["CASE", "STATUS", "PARAMETERS", "KPIS", "FAILURE"],
        [[c.index, c.status, json.dumps(c.parameters or {}), json.dumps(c.kpis or {}),
          c.failure or ""] for c in cases],
    )


def _emit(text: str, out: Optional[str]) -> None:
    if out:
        _write_text(out, text)
        _err(f"Wrote {out}")
    else:
        sys.stdout.write(text)


def _experiment_exit(experiment: Experiment) -> int:
    if experiment.status == "succeeded":
        return EXIT_OK
    _err(f"experiment {experiment.experiment_id} ended {experiment.status}")
    return EXIT_ERROR


def _experiment_price(fmu_id: str, quote: Experiment) -> str:
    price = quote.quote
    if price is None:
        return f"{fmu_id}: {quote.cases.total} cases"
    balance = (f"; your balance: {price.balance_credits}"
               if price.balance_credits is not None else "")
    return (f"{fmu_id}: {quote.cases.total} cases, {price.credits} credits"
            f" ({price.per_case} per case{balance})")


# ---- simulate helpers ------------------------------------------------------------------------


def _model_id(client: Client, model: str) -> str:
    """A path to a local .fmu file is uploaded first (same bytes: same id); else it is an id."""
    if model.lower().endswith(".fmu") and os.path.isfile(model):
        fmu = client.upload(model)
        _err(f"Uploaded {model} as {fmu.id}")
        return fmu.id
    return model


def _simulate_params(args: argparse.Namespace) -> ModelParams:
    params: Dict[str, Any] = {
        "start_time": args.start,
        "stop_time": args.stop,
        "step": args.step,
        "interface": args.interface,
        "solver": args.solver,
        "rtol": args.rtol,
        "atol": args.atol,
    }
    if args.set:
        params["start_values"] = dict(_assignment(a) for a in args.set)
    if args.kpi:
        params["kpis"] = list(args.kpi)
    if args.outputs:
        params["outputs"] = [o for part in args.outputs for o in part.split(",") if o]
    return {k: v for k, v in params.items() if v is not None}  # type: ignore[return-value]


def _assignment(text: str) -> Tuple[str, Any]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise UsageError(f"--set {text!r}: expected NAME=VALUE")
    return name.strip(), _scalar(value.strip())


def _scalar(value: str) -> Any:
    if value.lower() in ("true", "false"):
        return value.lower() == "true"
    for kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            pass
    return value


def _output_format(args: argparse.Namespace) -> str:
    if args.out:
        ext = os.path.splitext(args.out)[1].lower()
        if ext not in (".csv", ".json"):
            raise UsageError(f"-o {args.out}: the file name must end in .csv or .json")
        if args.format and args.format != ext[1:]:
            raise UsageError(f"--format {args.format} does not match -o {args.out}")
        return ext[1:]
    return args.format or "summary"


def _write_result(result: Any, fmt: str, out: Optional[str]) -> None:
    if fmt == "csv":
        text = result if isinstance(result, str) else _csv_of(result)
    elif fmt == "json":
        text = json.dumps(result.raw, indent=None if out else 2) + "\n"
    else:
        text = _summary(result)
    if out:
        _write_text(out, text)
        _err(f"Wrote {out}")
    else:
        sys.stdout.write(text)


def _csv_of(result: SimulationResult) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["time"] + result.variables)
    writer.writerows(result.rows())
    return buffer.getvalue()


def _summary(result: SimulationResult) -> str:
    lines = [f"run {result.run_id}  {result.fmu_id}  {result.status}"]
    time = result.time
    if time:
        lines.append(
            f"{len(time)} samples of {', '.join(result.variables) or 'no variables'},"
            f" t = {time[0]:g} … {time[-1]:g}"
        )
    if result.kpis:
        lines.append("KPIs:")
        width = max(len(k) for k in result.kpis)
        lines += [f"  {name:<{width}}  {value:.6g}" for name, value in result.kpis.items()]
    if result.cost is not None:
        if result.cost.paid_with == "payment_token":
            lines.append(f"cost: paid {result.cost.amount} {(result.cost.currency or '').upper()}"
                         f" (checkout {result.cost.session_id})")
        else:
            lines.append(f"cost: {result.cost.credits} credits")
    return "\n".join(lines) + "\n"


def _price(fmu_id: str, offer: PaymentOffer) -> str:
    quote = offer.quote
    credits = quote.credits if quote else offer.quote_credits
    balance = quote.balance_credits if quote else offer.balance_credits
    money = ""
    if offer.amount is not None and offer.currency:
        methods = " or ".join(offer.methods or [])
        money = f" or {offer.amount:.2f} {offer.currency.upper()}" + (f" by {methods}"
                                                                       if methods else "")
    return f"{fmu_id}: {credits} credits per run (your balance: {balance}){money}"


# ---- output ----------------------------------------------------------------------------------


def _show_checkout(required: PaymentRequired, open_browser: bool) -> None:
    offer = required.offer
    _err(f"Payment required: {required.detail}")
    price = f"{offer.amount} {(offer.currency or '').upper()}" if offer.amount is not None else ""
    _err(f"Pay {price} ({offer.payment_method}) at:")
    _err(f"checkout_url: {offer.checkout_url}")
    _maybe_open(offer.checkout_url, open_browser)
    _err("Waiting for the payment (Ctrl-C to stop waiting; the checkout stays payable until "
         f"{offer.expires_at})…")


def _print_payment_required(e: PaymentRequired) -> None:
    _err(f"error: 402 {e.title}: {e.detail}")
    if e.checkout_url:
        _err(f"checkout_url: {e.checkout_url}")
        _err(f"session_id: {e.session_id}")
    if e.next_step:
        _err(f"next: {e.next_step}")
    if e.checkout_url:
        _err("Or run the same command with --pay card (or --pay crypto) to pay and run in one go.")


def _print_problem(e: ApiError) -> None:
    _err(f"error: {e.status} {e.title}: {e.detail}")
    if e.field:
        _err(f"field: {e.field}")
    if e.limit:
        _err(f"limit: {e.limit}")
    if e.retry_after is not None and e.status in (429, 503):
        _err(f"retry after: {e.retry_after:g} s")


def _exit_code(status: int) -> int:
    if status in (401, 403):
        return EXIT_AUTH
    if status in (400, 413, 415, 422):
        return EXIT_BAD_INPUT
    if status in (402, 410):
        return EXIT_PAYMENT
    if status == 404:
        return EXIT_NOT_FOUND
    if status in (429, 503):
        return EXIT_RETRY_LATER
    return EXIT_ERROR


def _maybe_open(url: Optional[str], open_browser: bool) -> None:
    if url and open_browser:
        webbrowser.open(url)


def _write_text(path: str, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def _print_json(value: Any) -> None:
    print(json.dumps(value, indent=2))


def _table(header: List[str], rows: List[List[Any]]) -> None:
    cells = [header] + [["" if c is None else str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    for row in cells:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())


def _err(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


# ---- parser ----------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--url", default=argparse.SUPPRESS,
                        help="gateway URL (default: $FMUGW_URL, the config file, "
                             "http://localhost:8080)")
    common.add_argument("--key", default=argparse.SUPPRESS,
                        help="API key (default: $FMUGW_API_KEY, then the config file)")
    common.add_argument("--timeout", type=float, default=argparse.SUPPRESS,
                        help="seconds to wait for one HTTP answer (default 120)")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="print the gateway's JSON instead of a table")

    parser = argparse.ArgumentParser(
        prog="fmugw",
        description="FMU Gateway from the command line: run FMI simulations and pay per run.",
        epilog="Exit codes: 0 ok, 1 error, 2 bad input, 3 authentication, 4 payment required, "
               "5 not found, 6 retry later (429/503), 7 gateway unreachable.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"fmugw {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, handler: Callable[..., int], help_: str, *, needs_key: bool = True,
                parent: Any = commands) -> argparse.ArgumentParser:
        sub = parent.add_parser(name, help=help_, description=help_, parents=[common])
        sub.set_defaults(handler=handler, needs_key=needs_key)
        return sub

    keys = commands.add_parser("keys", help="create, list, add and revoke API keys")
    keys.set_defaults(print_help=keys.print_help)
    keys_commands = keys.add_subparsers(title="keys commands", metavar="ACTION")
    create = command("create", _keys_create, "a new account and its first API key (no key needed)",
                     needs_key=False, parent=keys_commands)
    create.add_argument("--save", action="store_true",
                        help="keep the key in the config file for later commands")
    command("list", _keys_list, "this account's keys", parent=keys_commands)
    command("add", _keys_add, "one more key for this account", parent=keys_commands)
    revoke = command("revoke", _keys_revoke, "revoke a key by its id", parent=keys_commands)
    revoke.add_argument("key_id")

    command("account", _account, "credits, tier and this period's use")
    library = command("library", _library, "the built-in models")
    library.add_argument("query", nargs="?", help="filter by name or description")
    upload = command("upload", _upload, "upload an FMU; prints its id")
    upload.add_argument("file")
    fmu = command("fmu", _fmu, "one model (an upload or lib:Name)")
    fmu.add_argument("fmu_id")
    variables = command("variables", _variables, "a model's variables")
    variables.add_argument("fmu_id")

    simulate = command("simulate", _simulate, "run a simulation")
    simulate.add_argument("model", help="lib:Name, msl:Name, an upload's id, or a local .fmu file")
    _simulation_options(simulate)
    simulate.add_argument("-o", "--out", help="write the result to FILE.csv or FILE.json")
    simulate.add_argument("--format", choices=["summary", "json", "csv"],
                          help="what to print without -o (default: a summary with the KPIs)")
    simulate.add_argument("--quote", action="store_true",
                          help="print the price of this run; nothing runs, nothing is charged")
    simulate.add_argument("--pay", choices=["card", "crypto"],
                          help="when credits are short: show the checkout, wait until it is paid, "
                               "then run with the payment token")
    simulate.add_argument("--open", action="store_true", help="open the checkout in a browser")
    simulate.add_argument("--payment-token", help="pay this run with a token from a paid checkout")
    simulate.add_argument("--payment-timeout", type=float, default=900.0,
                          help="seconds to wait for a payment (default 900)")
    simulate.add_argument("--async", dest="async_", action="store_true",
                          help="queue the run as a one-case experiment; prints its id")
    simulate.add_argument("--payment-signature", metavar="BASE64",
                          help="pay this run with x402: a signed PAYMENT-SIGNATURE value; the "
                               "settlement (PAYMENT-RESPONSE) is printed on stderr")

    runs = command("runs", _runs, "your newest runs, or one run")
    runs.add_argument("run_id", nargs="?")
    runs.add_argument("--limit", type=int, default=20)

    pay = command("pay", _pay, "pay for one run up front (POST /pay)")
    pay.add_argument("model", nargs="?")
    pay.add_argument("--method", choices=["card", "crypto"])
    pay.add_argument("--wait", action="store_true", help="wait until paid; print the token")
    pay.add_argument("--open", action="store_true", help="open the checkout in a browser")
    pay.add_argument("--payment-timeout", type=float, default=900.0)

    checkout = command("checkout", _checkout, "a checkout's status (exit 4 while unpaid)")
    checkout.add_argument("session_id")
    checkout.add_argument("--wait", action="store_true", help="wait until it is paid")
    checkout.add_argument("--payment-timeout", type=float, default=900.0)

    credits = commands.add_parser("credits", help="credit packs: list and buy")
    credits.set_defaults(print_help=credits.print_help)
    credits_commands = credits.add_subparsers(title="credits commands", metavar="ACTION")
    command("packs", _credits_packs, "the packs on sale", parent=credits_commands)
    buy = command("buy", _credits_buy, "buy a pack", parent=credits_commands)
    buy.add_argument("pack")
    buy.add_argument("--pay", choices=["card", "crypto"], default="card")
    buy.add_argument("--open", action="store_true", help="open the checkout in a browser")
    buy.add_argument("--no-wait", action="store_true", help="print the checkout and return")
    buy.add_argument("--payment-timeout", type=float, default=900.0)

    sweep = command("sweep", _sweep,
                    "run a parameter sweep as an experiment: a progress bar while it runs, then "
                    "its cases (Ctrl-C cancels it)")
    sweep.add_argument("model", help="lib:Name, msl:Name, an upload's id, or a local .fmu file")
    sweep.add_argument("--method", choices=METHODS,
                       help="how cases are drawn (default: full_factorial, or cases with --case)")
    sweep.add_argument("--param", action="append", metavar="NAME=KIND:…",
                       help="k=values:1,2,3 | k=range:START:STOP:NUM | k=uniform:MIN:MAX | "
                            "k=normal:MEAN:STD; repeat")
    sweep.add_argument("--case", action="append", metavar="NAME=V[,NAME=V…]",
                       help="one case's start values (method cases); repeat")
    sweep.add_argument("--samples", type=int, help="cases to draw (latin_hypercube, sobol)")
    sweep.add_argument("--seed", type=int, help="seed of the draw, for the same cases again")
    _simulation_options(sweep)
    sweep.add_argument("--quote", action="store_true",
                       help="print the price of the experiment; nothing runs, nothing is charged")
    sweep.add_argument("--no-wait", action="store_true",
                       help="print the experiment's id and return at once (default: wait with a "
                            "progress bar on stderr, print the cases, exit 1 unless all "
                            "succeeded)")
    sweep.add_argument("-o", "--out", help="write the cases to FILE.csv (the gateway's CSV) or "
                                           "FILE.json")
    sweep.add_argument("--callback-url", help="the gateway calls it when the experiment ends")
    sweep.add_argument("--pay", choices=["card", "crypto"],
                       help="when credits are short: show the checkout for the credits missing, "
                            "wait until it is paid, then create the experiment")
    sweep.add_argument("--open", action="store_true", help="open the checkout in a browser")
    sweep.add_argument("--payment-timeout", type=float, default=900.0,
                       help="seconds to wait for a payment (default 900)")
    sweep.add_argument("--wait-timeout", type=float, default=86400.0,
                       help="seconds to wait for the experiment (default 86400)")
    sweep.add_argument("--interval", type=float, default=2.0,
                       help="seconds between polls (default 2)")

    experiments = commands.add_parser("experiments", help="your experiments")
    experiments.set_defaults(print_help=experiments.print_help)
    exp_commands = experiments.add_subparsers(title="experiments commands", metavar="ACTION")
    listing = command("list", _experiments_list, "your experiments, newest first",
                      parent=exp_commands)
    listing.add_argument("--page", type=int, default=1, help="from 1 (default 1)")
    listing.add_argument("--size", type=int, default=20, help="per page (default 20)")
    show = command("show", _experiments_show, "one experiment: status, cases, credits",
                   parent=exp_commands)
    show.add_argument("experiment_id")
    cases = command("cases", _experiments_cases,
                    "an experiment's cases, or with INDEX one case's full result",
                    parent=exp_commands)
    cases.add_argument("experiment_id")
    cases.add_argument("index", nargs="?", type=int, help="one case's full result")
    cases.add_argument("-o", "--out", help="FILE.csv or FILE.json")
    cases.add_argument("--format", choices=["summary", "json", "csv"],
                       help="with INDEX and without -o: what to print")
    cases.add_argument("--limit", type=int, help="one page of cases")
    cases.add_argument("--offset", type=int)
    cancel = command("cancel", _experiments_cancel,
                     "cancel an experiment: queued cases never start, running ones stop",
                     parent=exp_commands)
    cancel.add_argument("experiment_id")
    return parser


def _simulation_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--start", type=float, help="start time (default: the model's)")
    sub.add_argument("--stop", type=float, help="stop time (default: the model's)")
    sub.add_argument("--step", type=float, help="output interval")
    sub.add_argument("--set", action="append", metavar="NAME=VALUE", help="a start value; repeat")
    sub.add_argument("--outputs", action="append", metavar="A,B", help="variables to return")
    sub.add_argument("--kpi", action="append", metavar="VAR_STAT",
                     help="e.g. h_max (rms, mean, min, max, peak, final); repeat")
    sub.add_argument("--interface", choices=["cs", "me", "auto"])
    sub.add_argument("--solver", help="model exchange: euler, rk4, dormand_prince, "
                                      "dormand_prince_853, rosenbrock (stiff models), "
                                      "auto (dormand_prince, rosenbrock once stiff)")
    sub.add_argument("--rtol", type=float)
    sub.add_argument("--atol", type=float)


if __name__ == "__main__":
    sys.exit(main())
