export const PHASES = ['onderzoek', 'analyse', 'plan', 'project', 'oplevering'] as const;
export const PRECONDITIONS = ['projectorganisatie', 'uitvoeringEnFasering', 'menskrachtEnMiddelen', 'financiering', 'evaluatie'] as const;
