"""The gateway's own problems; all derive from the kit's ProblemError and render through its handler."""

from tsunagu_services.problems import ProblemError


class GatewayError(ProblemError):
    """Base of the gateway's expected errors."""


class InvalidGrant(GatewayError):
    status = 400
    type = "/problems/invalid-grant"
    title = "ユーザー名またはパスワードが正しくありません。"

    def __init__(self) -> None:
        # `error` keeps OAuth2 client libraries working (RFC 6749 §5.2) next to the problem fields.
        super().__init__(error="invalid_grant")


class UnsupportedGrantType(GatewayError):
    status = 400
    type = "/problems/unsupported-grant-type"
    title = "この grant_type には対応していません。"

    def __init__(self) -> None:
        super().__init__(error="unsupported_grant_type")


class InvalidScope(GatewayError):
    status = 400
    type = "/problems/invalid-scope"
    title = "要求されたスコープは許可されていません。"

    def __init__(self) -> None:
        super().__init__(error="invalid_scope")


class AuditUnavailable(GatewayError):
    status = 503
    type = "/problems/audit-unavailable"
    title = "監査記録を保存できないため、処理を完了できません。しばらく待ってからやり直してください。"


class UpstreamBusy(GatewayError):
    """The service's connection pool is full: answered at once rather than queued."""

    status = 503
    type = "/problems/upstream-busy"
    title = "関連するサービスが混み合っています。少し待ってからやり直してください。"

    def __init__(self) -> None:
        super().__init__(headers={"Retry-After": "1"})
