"""What users write today to run a batch file live: asyncio, the official `openai` SDK and a
semaphore. The peer of `openrouter batch run` in `run.py`; writes OpenAI batch output lines.

usage: openai_asyncio.py BASE_URL INPUT.jsonl OUTPUT.jsonl CONCURRENCY
"""

import asyncio
import json
import sys

from openai import AsyncOpenAI


async def main(base_url: str, input_path: str, output_path: str, concurrency: int) -> None:
    client = AsyncOpenAI(base_url=base_url, api_key="bench-key", max_retries=2)
    semaphore = asyncio.Semaphore(concurrency)
    failed = 0

    with open(output_path, "a", encoding="utf-8") as out:

        async def one(line: dict) -> None:
            nonlocal failed
            async with semaphore:
                try:
                    response = await client.chat.completions.create(**line["body"])
                except Exception as error:  # noqa: BLE001 - a batch keeps going
                    failed += 1
                    print(f"{line['custom_id']}: {error}", file=sys.stderr)
                    return
                out.write(
                    json.dumps(
                        {
                            "id": f"batch_req_{line['custom_id']}",
                            "custom_id": line["custom_id"],
                            "response": {
                                "status_code": 200,
                                "request_id": response.id,
                                "body": response.model_dump(),
                            },
                            "error": None,
                        }
                    )
                    + "\n"
                )
                out.flush()

        with open(input_path, encoding="utf-8") as lines:
            tasks = [asyncio.create_task(one(json.loads(raw))) for raw in lines if raw.strip()]
        await asyncio.gather(*tasks)
    await client.close()
    if failed:
        sys.exit(f"{failed} request(s) failed")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])))
