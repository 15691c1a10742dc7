import { useParams } from 'react-router-dom';
import { MeetingPage } from './meeting-page';
import { MeetingsCalendar } from './meetings-calendar';
import { MinutesPrint } from './minutes-print';

// Route-level screens of this feature; router.tsx only maps paths to them.

export function MeetingsRoute() {
  return <MeetingsCalendar />;
}

export function MeetingRoute() {
  const { meetingId = '' } = useParams();
  return <MeetingPage key={meetingId} meetingId={meetingId} />;
}

export function MeetingPrintRoute() {
  const { meetingId = '' } = useParams();
  return <MinutesPrint meetingId={meetingId} />;
}
