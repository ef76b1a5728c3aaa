/** The kudos API's shapes (server/modules/kudos/kudos.schemas.ts). */
export interface Kudos {
  id: string;
  feedbackId: string;
  personId: string | null;
  personName: string | null;
  teamId: string | null;
  teamName: string | null;
  source: 'analysis' | 'manual';
  quote: string;
  receivedAt: string;
  createdAt: string;
  notifiedAt: string | null;
}

export interface WallEntry {
  id: string;
  name: string;
  teamName: string | null;
  last30: number;
  last90: number;
  latest: Array<{ id: string; quote: string; receivedAt: string }>;
}

export interface KudosWall {
  asOf: string;
  people: WallEntry[];
  teams: WallEntry[];
}

export interface EmployeeReport {
  from: string;
  to: string;
  people: Array<{
    personId: string;
    name: string;
    teamName: string | null;
    praise: number;
    casesOwned: number;
    loopsClosed: number;
    wonBack: number;
  }>;
}
