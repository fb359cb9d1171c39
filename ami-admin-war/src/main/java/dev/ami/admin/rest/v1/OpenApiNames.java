package dev.ami.admin.rest.v1;

/**
 * The names of the OpenAPI document's shared parts, which the resources' annotations refer to
 * ({@code ref = OpenApiNames.NOT_FOUND}); the parts themselves are in
 * {@code src/main/resources/META-INF/openapi.yaml}, merged in by the build.
 */
public final class OpenApiNames {

    /** Security scheme: HTTP Basic with an AMI account. */
    public static final String BASIC = "basic";
    /** Security scheme: the console's session cookie. */
    public static final String SESSION = "session";
    /** Security scheme: the X-CSRF-Token header a cookie request's change needs. */
    public static final String CSRF = "csrf";

    /** Tag: the AMI accounts. */
    public static final String ACCOUNTS = "accounts";
    /** Tag: the upstream AMI servers. */
    public static final String UPSTREAMS = "upstreams";
    /** Tag: the audit trail. */
    public static final String AUDIT = "audit";
    /** Tag: manager.conf and http.conf as a whole. */
    public static final String CONFIGURATION = "configuration";
    /** Tag: manager.conf's and http.conf's [general] settings, templates, import and export under v1. */
    public static final String SETTINGS = "settings";
    /** Tag: the live AMI sessions and the event statistics. */
    public static final String SESSIONS = "sessions";
    /** Tag: the server and the API's description. */
    public static final String SERVER = "server";

    /** Header: a single resource's strong ETag. */
    public static final String ETAG = "ETag";

    /** Parameter: If-Match, required on a change. */
    public static final String IF_MATCH = "IfMatch";
    /** Parameter: If-None-Match on a read. */
    public static final String IF_NONE_MATCH = "IfNoneMatch";
    /** Parameter: a list's offset. */
    public static final String OFFSET = "Offset";
    /** Parameter: a list's limit. */
    public static final String LIMIT = "Limit";

    /** Schema: an RFC 9457 problem. */
    public static final String PROBLEM = "Problem";
    /** Schema: an account. */
    public static final String ACCOUNT = "Account";
    /** Schema: a page of accounts. */
    public static final String ACCOUNT_LIST = "AccountList";
    /** Schema: an upstream AMI server. */
    public static final String UPSTREAM = "Upstream";
    /** Schema: every upstream AMI server. */
    public static final String UPSTREAM_LIST = "UpstreamList";
    /** Schema: a page of the audit trail. */
    public static final String AUDIT_LIST = "AuditList";
    /** Schema: a live AMI session. */
    public static final String SESSION_VIEW = "Session";
    /** Schema: a page of live AMI sessions. */
    public static final String SESSION_LIST = "SessionList";
    /** Schema: how many sessions a kick ended. */
    public static final String KICKED = "Kicked";
    /** Schema: the event statistics. */
    public static final String EVENT_STATISTICS = "EventStatistics";
    /** Schema: this node's view of its cluster. */
    public static final String CLUSTER = "Cluster";
    /** Schema: a rename's body. */
    public static final String RENAME = "Rename";
    /** Schema: a new secret's body. */
    public static final String SECRET = "Secret";
    /** Schema: manager.conf's or http.conf's [general] settings. */
    public static final String SETTINGS_VIEW = "Settings";
    /** Schema: a manager.conf template. */
    public static final String TEMPLATE = "Template";
    /** Schema: a page of templates. */
    public static final String TEMPLATE_LIST = "TemplateList";
    /** Schema: what an import changed or would change. */
    public static final String IMPORT_REPORT = "ImportReport";

    /** Response: 400, a problem. */
    public static final String BAD_REQUEST = "BadRequest";
    /** Response: 401, a problem. */
    public static final String UNAUTHORIZED = "Unauthorized";
    /** Response: 403, a problem. */
    public static final String FORBIDDEN = "Forbidden";
    /** Response: 404, a problem. */
    public static final String NOT_FOUND = "NotFound";
    /** Response: 409, a problem. */
    public static final String CONFLICT = "Conflict";
    /** Response: 412, a problem. */
    public static final String PRECONDITION_FAILED = "PreconditionFailed";
    /** Response: 415, a problem. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    /** Response: 428, a problem. */
    public static final String PRECONDITION_REQUIRED = "PreconditionRequired";
    /** Response: 503, the AMI connector is not running, a problem. */
    public static final String CONNECTOR_NOT_RUNNING = "ConnectorNotRunning";
    /** Response: 5XX, the database failed, a problem. */
    public static final String DATABASE_FAILURE = "DatabaseFailure";

    private OpenApiNames() {
    }
}
