/**
 * ISO/IEC 27001:2022 Annex A: 93 controls in 4 themes, and the controls that bear on AI
 * governance. Titles are short labels.
 */
export interface Iso27001Theme {
  readonly id: string;
  readonly title: string;
  readonly controlCount: number;
}

export const iso27001Themes: readonly Iso27001Theme[] = Object.freeze([
  { id: '5', title: 'Organizational controls', controlCount: 37 },
  { id: '6', title: 'People controls', controlCount: 8 },
  { id: '7', title: 'Physical controls', controlCount: 14 },
  { id: '8', title: 'Technological controls', controlCount: 34 },
]);

export interface Iso27001Control {
  readonly id: string;
  readonly title: string;
}

/** The 27001:2022 Annex A controls that relate to AI governance; the crosswalk links them to 42001. */
export const iso27001AiControls: readonly Iso27001Control[] = Object.freeze([
  { id: 'A.5.1', title: 'Policies for information security' },
  { id: 'A.5.2', title: 'Information security roles and responsibilities' },
  { id: 'A.5.7', title: 'Threat intelligence' },
  { id: 'A.5.8', title: 'Information security in project management' },
  { id: 'A.5.9', title: 'Inventory of information and other associated assets' },
  { id: 'A.5.12', title: 'Classification of information' },
  { id: 'A.5.19', title: 'Information security in supplier relationships' },
  { id: 'A.5.20', title: 'Addressing information security within supplier agreements' },
  { id: 'A.5.21', title: 'Managing information security in the ICT supply chain' },
  { id: 'A.5.22', title: 'Monitoring, review and change management of supplier services' },
  { id: 'A.5.23', title: 'Information security for use of cloud services' },
  { id: 'A.5.24', title: 'Incident management planning and preparation' },
  { id: 'A.5.25', title: 'Assessment and decision on information security events' },
  { id: 'A.5.26', title: 'Response to information security incidents' },
  { id: 'A.5.27', title: 'Learning from information security incidents' },
  { id: 'A.5.28', title: 'Collection of evidence' },
  { id: 'A.5.31', title: 'Legal, statutory, regulatory and contractual requirements' },
  { id: 'A.5.32', title: 'Intellectual property rights' },
  { id: 'A.5.34', title: 'Privacy and protection of PII' },
  { id: 'A.5.35', title: 'Independent review of information security' },
  { id: 'A.6.3', title: 'Information security awareness, education and training' },
  { id: 'A.6.8', title: 'Information security event reporting' },
  { id: 'A.8.10', title: 'Information deletion' },
  { id: 'A.8.11', title: 'Data masking' },
  { id: 'A.8.12', title: 'Data leakage prevention' },
  { id: 'A.8.15', title: 'Logging' },
  { id: 'A.8.16', title: 'Monitoring activities' },
  { id: 'A.8.25', title: 'Secure development life cycle' },
  { id: 'A.8.26', title: 'Application security requirements' },
  { id: 'A.8.27', title: 'Secure system architecture and engineering principles' },
  { id: 'A.8.28', title: 'Secure coding' },
  { id: 'A.8.29', title: 'Security testing in development and acceptance' },
  { id: 'A.8.30', title: 'Outsourced development' },
  { id: 'A.8.31', title: 'Separation of development, test and production environments' },
  { id: 'A.8.32', title: 'Change management' },
  { id: 'A.8.33', title: 'Test information' },
]);
