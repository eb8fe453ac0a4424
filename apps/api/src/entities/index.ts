import { AiSystem } from './ai-system.entity.js';
import { AuditLogEntry } from './audit-log-entry.entity.js';
import { Audit } from './audit.entity.js';
import { CertificationBody } from './certification-body.entity.js';
import { CertificationStage } from './certification-stage.entity.js';
import { ContextIssue } from './context-issue.entity.js';
import { CorrectiveAction } from './corrective-action.entity.js';
import { Evidence } from './evidence.entity.js';
import { FairnessThreshold } from './fairness-threshold.entity.js';
import { FairnessWindow } from './fairness-window.entity.js';
import { FairnessWindowCell } from './fairness-window-cell.entity.js';
import { Finding } from './finding.entity.js';
import { Incident } from './incident.entity.js';
import { InterestedParty } from './interested-party.entity.js';
import { ManagementReview } from './management-review.entity.js';
import { Membership } from './membership.entity.js';
import { Organisation } from './organisation.entity.js';
import { Policy } from './policy.entity.js';
import { PredictionImport } from './prediction-import.entity.js';
import { PolicyVersion } from './policy-version.entity.js';
import { ReviewAction } from './review-action.entity.js';
import { Risk } from './risk.entity.js';
import { RiskAssessment } from './risk-assessment.entity.js';
import { Session } from './session.entity.js';
import { SoaEntry } from './soa-entry.entity.js';
import { User } from './user.entity.js';

/** Every entity, listed explicitly so the same list serves tsx, vitest and the build. */
export const entities = [Organisation, User, Membership, Session, AiSystem, Risk, RiskAssessment, SoaEntry, Evidence, Incident, Audit, Finding, CorrectiveAction, ContextIssue, InterestedParty, ManagementReview, ReviewAction, Policy, PolicyVersion, FairnessWindow, FairnessWindowCell, CertificationStage, CertificationBody, FairnessThreshold, PredictionImport, AuditLogEntry];
