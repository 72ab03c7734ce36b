// Typed protocol of the Create Custom Image panel. Shared by the host (src/panels) and the
// webview (webview/): no `vscode`, no DOM. Shape: the webview says `ready`; the host answers
// `init` and only then posts anything else. Requests carry an id and get one `response`;
// commands are fire-and-forget; the host pushes notifications (`context`, `submitState`).
import type { DiskType, InstanceStatus, SnapshotStatus } from '../core/enums';
import type { CreateImageInput } from '../core/rules/validateCreateImage';
import type { RuleIssue } from '../core/rules/ruleCodes';
import type { FormStrings } from './formStrings';

/** What the form holds. Never a secret: it is kept in webview state and host memory. */
export type FormDraft = CreateImageInput;

export interface FormSnapshot {
  snapshotId: string;
  snapshotName: string;
  status: SnapshotStatus;
  sourceDiskType: DiskType;
  instanceId: string;
  creationTime: string;
  progress: number;
}

export interface FormServer {
  instanceId: string;
  instanceName: string;
  status: InstanceStatus;
  planId: string;
  /** e.g. "2 vCPU · 2 GiB · 50 GiB ESSD" (built by the host, not localized). */
  spec: string;
}

export interface FormContext {
  regionId: string;
  regionName: string;
  server: FormServer;
  snapshots: FormSnapshot[];
  imageNames: string[];
  serverCount: number;
  imageCount: number;
  /** Snapshot chosen by the entry point (right-click on a snapshot). */
  preselectedSystemSnapshotId: string;
}

/** Requests the webview makes, with their params and results. */
export interface FormRequests {
  checkName: { params: { name: string }; result: { taken: boolean } };
}
export type FormRequestKind = keyof FormRequests;

export type ErrorPlacement = 'imageName' | 'systemSnapshot' | 'dataSnapshot' | 'quota' | 'banner';

export type SubmitState =
  | { phase: 'idle' }
  | { phase: 'submitting' }
  | { phase: 'invalid'; issues: RuleIssue[] }
  | { phase: 'succeeded'; imageId: string; requestId: string }
  | {
      phase: 'failed';
      code: string;
      requestId: string;
      placement: ErrorPlacement;
      retryable: boolean;
      /** Localized sentence by the host. */
      message: string;
    };

// ── webview → host ────────────────────────────────────────────────────────────
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'request'; id: number; kind: 'checkName'; params: FormRequests['checkName']['params'] }
  | { type: 'submit'; draft: FormDraft }
  | { type: 'retry' }
  | { type: 'cancel' }
  | { type: 'copyCli'; draft: FormDraft }
  | { type: 'createSnapshot' }
  | { type: 'draftChanged'; draft: FormDraft };

// ── host → webview ────────────────────────────────────────────────────────────
export type HostMessage =
  | { type: 'init'; locale: string; strings: FormStrings; context: FormContext; draft: FormDraft | null; submit: SubmitState }
  | { type: 'context'; context: FormContext }
  | { type: 'response'; id: number; kind: 'checkName'; ok: true; result: FormRequests['checkName']['result'] }
  | { type: 'response'; id: number; kind: FormRequestKind; ok: false; code: string }
  | { type: 'submitState'; state: SubmitState }
  | { type: 'snapshotState'; state: 'creating' | 'done' | 'failed'; message?: string };
