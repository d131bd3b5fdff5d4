import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel, type ILogger } from "@microsoft/signalr";
import { getApiKey } from "./api";
import type { SessionEvent, SessionResource } from "./types";

export type LinkState = "connecting" | "live" | "reconnecting" | "offline";

// Drops and reconnects are expected (server restarts, laptops sleeping): report them as warnings.
const quietLogger: ILogger = {
  log(level, message) {
    if (level >= LogLevel.Warning) console.warn(`[live] ${message}`);
  },
};

const EVENT_KINDS = ["status", "step", "recovered", "finished"] as const;

/**
 * One SignalR connection for the whole app. Pages subscribe to the fleet feed or to sessions;
 * after every (re)connect the subscriptions are renewed and each subscriber's `ready` callback
 * runs, so the page can catch up from REST on what it missed while the link was down.
 */
class LiveLink {
  private connection: HubConnection | null = null;
  private key: string | null = null;
  private state: LinkState = "offline";
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private readonly stateListeners = new Set<(s: LinkState) => void>();
  private readonly eventListeners = new Set<(e: SessionEvent) => void>();
  private readonly fleet = new Set<() => void>();
  private readonly sessions = new Map<string, Set<(s: SessionResource) => void>>();

  get current() {
    return this.state;
  }

  onState(listener: (s: LinkState) => void) {
    this.stateListeners.add(listener);
    return () => void this.stateListeners.delete(listener);
  }

  onEvent(listener: (e: SessionEvent) => void) {
    this.eventListeners.add(listener);
    return () => void this.eventListeners.delete(listener);
  }

  /** Joins the tenant's fleet feed; `ready` runs after each (re)join. */
  subscribeFleet(ready: () => void) {
    this.fleet.add(ready);
    this.ensure();
    if (this.isLive()) this.joinFleet([ready]);
    return () => {
      this.fleet.delete(ready);
      if (this.fleet.size === 0 && this.isLive()) this.connection!.invoke("UnsubscribeFleet").catch(() => undefined);
    };
  }

  /** Joins one session's feed; `ready` gets the session as it is after each (re)join. */
  subscribeSession(id: string, ready: (s: SessionResource) => void) {
    let set = this.sessions.get(id);
    if (!set) this.sessions.set(id, (set = new Set()));
    set.add(ready);
    this.ensure();
    if (this.isLive()) this.joinSession(id, [ready]);
    return () => {
      const current = this.sessions.get(id);
      current?.delete(ready);
      if (current && current.size === 0) {
        this.sessions.delete(id);
        if (this.isLive()) this.connection!.invoke("UnsubscribeSession", id).catch(() => undefined);
      }
    };
  }

  /** Opens the link for the signed-in key, if it is not open already. */
  connect() {
    this.ensure();
  }

  /** Drops the connection (sign-out, or another key). */
  stop() {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const connection = this.connection;
    this.connection = null;
    this.key = null;
    this.setState("offline");
    connection?.stop().catch(() => undefined);
  }

  private isLive() {
    return this.connection?.state === HubConnectionState.Connected;
  }

  private ensure() {
    const key = getApiKey();
    if (!key) return;
    if (this.connection && this.key === key) return;
    if (this.connection) this.stop();
    this.key = key;
    const connection = new HubConnectionBuilder()
      .withUrl("/hubs/sessions", { accessTokenFactory: () => getApiKey() ?? "" })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (c) => Math.min(5000, 250 * 2 ** c.previousRetryCount) })
      .configureLogging(quietLogger)
      .build();
    for (const kind of EVENT_KINDS) {
      connection.on(kind, (event: SessionEvent) => {
        for (const listener of this.eventListeners) listener(event);
      });
    }
    connection.onreconnecting(() => this.setState("reconnecting"));
    connection.onreconnected(() => this.joined());
    // The automatic policy never gives up, but a close can still come from the server: start over.
    connection.onclose(() => {
      if (this.connection === connection) this.scheduleStart();
    });
    this.connection = connection;
    this.start();
  }

  private start() {
    const connection = this.connection;
    if (!connection) return;
    this.setState(this.attempt === 0 ? "connecting" : "reconnecting");
    connection
      .start()
      .then(() => this.joined())
      .catch(() => {
        if (this.connection === connection) this.scheduleStart();
      });
  }

  private scheduleStart() {
    this.setState("reconnecting");
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const delay = Math.min(5000, 250 * 2 ** this.attempt++);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.start();
    }, delay);
  }

  private joined() {
    this.attempt = 0;
    this.setState("live");
    if (this.fleet.size > 0) this.joinFleet([...this.fleet]);
    for (const [id, set] of this.sessions) this.joinSession(id, [...set]);
  }

  private joinFleet(callbacks: (() => void)[]) {
    this.connection!
      .invoke("SubscribeFleet")
      .then(() => callbacks.forEach((c) => c()))
      .catch(() => undefined);
  }

  private joinSession(id: string, callbacks: ((s: SessionResource) => void)[]) {
    this.connection!
      .invoke<SessionResource>("SubscribeSession", id)
      .then((session) => callbacks.forEach((c) => c(session)))
      .catch(() => undefined);
  }

  private setState(state: LinkState) {
    if (this.state === state) return;
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }
}

export const live = new LiveLink();
