/** The uploaded image of a stored result, with the content type its bytes were identified as. */
import { storedUploadRoute } from '@/lib/server/result-http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = storedUploadRoute('image');
