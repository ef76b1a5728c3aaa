import type { JobDefinition } from './job.ts';
import type { Schedule } from './scheduler.ts';
import { cleanJobsJob, cleanSessionsJob, systemSchedules } from '../modules/system/system.jobs.ts';
import { demoSeedJob } from '../modules/demo/demo.jobs.ts';
import { normaliseJob } from '../modules/ingest/normalise.jobs.ts';
import {
  connectorSchedules,
  connectorsPollJob,
  connectorsTickJob,
} from '../modules/connectors/connectors.jobs.ts';
import { sendMessageJob } from '../modules/outbox/outbox.jobs.ts';
import { outboxSchedules, releaseHeldJob } from '../modules/outbox/outbox.jobs.ts';
import { sendInvitationsJob } from '../modules/surveys/surveys.jobs.ts';
import { emailSchedules, imapFanOutJob, imapPollJob } from '../modules/email-in/email-in.jobs.ts';
import { importRunJob } from '../modules/imports/imports.jobs.ts';
import { themesJobs, themesSchedules } from '../modules/themes/themes.jobs.ts';
import { analysisRunJob, reanalyseJob } from '../modules/feedback-analysis/analysis.jobs.ts';
import { alertSchedules, alertsJobs } from '../modules/alerts/alerts.jobs.ts';
import { kudosNotifyJob } from '../modules/kudos/kudos.jobs.ts';
import { repliesSchedules, winbackJob } from '../modules/replies/replies.jobs.ts';
import { caseDeadlinesJob, caseRulesSchedules } from '../modules/case-rules/case-rules.jobs.ts';

/** Every job type the workers know. A module adds its jobs here. */
export const allJobs: ReadonlyArray<JobDefinition<unknown>> = [
  cleanSessionsJob,
  cleanJobsJob,
  demoSeedJob,
  normaliseJob,
  connectorsTickJob,
  connectorsPollJob,
  sendMessageJob,
  releaseHeldJob,
  sendInvitationsJob,
  imapFanOutJob,
  imapPollJob,
  importRunJob,
  ...themesJobs,
  analysisRunJob,
  reanalyseJob,
  alertsJobs.evaluateJob,
  alertsJobs.deliverJob,
  alertsJobs.spikesTickJob,
  alertsJobs.spikesDetectJob,
  kudosNotifyJob,
  winbackJob,
  caseDeadlinesJob,
];

export const allSchedules: Schedule[] = [
  ...systemSchedules,
  ...connectorSchedules,
  ...emailSchedules,
  ...themesSchedules,
  ...alertSchedules,
  ...repliesSchedules,
  ...outboxSchedules,
  ...caseRulesSchedules,
];
